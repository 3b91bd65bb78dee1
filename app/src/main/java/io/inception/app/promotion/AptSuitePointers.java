package io.inception.app.promotion;

import io.inception.packaging.Packaging;
import io.inception.packaging.apt.PublishException;
import io.inception.packaging.apt.SuitePointer;

import java.io.IOException;
import java.util.Optional;

/** {@link SuitePointers} over the signed apt repository of packaging. */
public final class AptSuitePointers implements SuitePointers {
    private final Packaging packaging;

    public AptSuitePointers(Packaging packaging) {
        this.packaging = packaging;
    }

    @Override
    public Optional<String> current(String suite) throws IOException {
        return Optional.ofNullable(packaging.repository().pointers().get(suite)).map(SuitePointer::buildId);
    }

    @Override
    public String point(String suite, String buildId) throws IOException {
        try {
            packaging.point(suite, buildId);
            return "builds/" + buildId;
        } catch (PublishException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
