package io.inception.packaging.deb;

import java.util.Locale;

/** The maintainer scripts dpkg runs around an install, upgrade or removal. */
public enum MaintainerScript {
    PREINST, POSTINST, PRERM, POSTRM;

    /** The control file name ({@code postinst}, ...). */
    public String fileName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
