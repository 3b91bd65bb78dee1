package io.inception.puppet.manifests;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The files of the manifest folder at one commit, by path relative to that folder.
 *
 * @param commit where they come from
 * @param files  content by relative path ({@code manifests/site.pp}, {@code modules/role/manifests/keystone.pp})
 */
public record ManifestTree(ManifestCommit commit, SortedMap<String, byte[]> files) {
    public ManifestTree {
        files = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(files));
    }

    public static ManifestTree of(ManifestCommit commit, Map<String, byte[]> files) {
        return new ManifestTree(commit, new TreeMap<>(files));
    }

    /** The paths of every Puppet manifest ({@code .pp}). */
    public java.util.List<String> manifests() {
        return files.keySet().stream().filter(p -> p.endsWith(".pp")).toList();
    }
}
