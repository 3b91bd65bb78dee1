package io.inception.sandbox.inova;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Glance's state: images with their metadata and (for uploaded ones) data. Thread-safe. */
final class Glance {
    /** One image; mutable under the Glance lock. */
    static final class Img {
        final String id;
        String name;
        String status = "queued";
        String visibility = "shared";
        String diskFormat;
        String containerFormat;
        String owner;
        Long size;
        String checksum;
        String sha512;
        int minDisk;
        int minRam;
        boolean isProtected;
        final Instant createdAt;
        Instant updatedAt;
        byte[] data;
        final List<String> tags = new ArrayList<>();
        final Map<String, String> properties = new LinkedHashMap<>();

        Img(String id, Instant createdAt) {
            this.id = id;
            this.createdAt = createdAt;
            this.updatedAt = createdAt;
        }
    }

    private final Clock clock;
    private final Ids ids;
    private final Map<String, Img> images = new LinkedHashMap<>();

    Glance(InovaSpec spec, Ids ids, String owner) {
        this.clock = spec.clock();
        this.ids = ids;
        for (InovaSpec.Image i : spec.images()) {
            Img img = new Img(ids.uuid(), clock.instant());
            img.name = i.name();
            img.status = "active";
            img.visibility = "public";
            img.diskFormat = "qcow2";
            img.containerFormat = "bare";
            img.owner = owner;
            img.size = i.sizeBytes();
            // a seeded stand-in for the digest of data the simulator does not hold
            img.checksum = ids.hex();
            img.sha512 = ids.hex() + ids.hex() + ids.hex() + ids.hex();
            images.put(img.id, img);
        }
    }

    synchronized List<Img> list() {
        return List.copyOf(images.values());
    }

    synchronized Optional<Img> find(String id) {
        return Optional.ofNullable(images.get(id));
    }

    synchronized Img create(String name, String diskFormat, String containerFormat, String visibility, String owner,
                            int minDisk, int minRam, List<String> tags, Map<String, String> properties) {
        Img img = new Img(ids.uuid(), clock.instant());
        img.name = name;
        img.diskFormat = diskFormat;
        img.containerFormat = containerFormat;
        img.visibility = visibility;
        img.owner = owner;
        img.minDisk = minDisk;
        img.minRam = minRam;
        img.tags.addAll(tags);
        img.properties.putAll(properties);
        images.put(img.id, img);
        return img;
    }

    /** Stores the data of a queued image; it becomes active. */
    synchronized Img upload(Img img, byte[] data) {
        img.data = data;
        img.size = (long) data.length;
        img.checksum = HexFormat.of().formatHex(digest("MD5", data));
        img.sha512 = HexFormat.of().formatHex(digest("SHA-512", data));
        img.status = "active";
        img.updatedAt = clock.instant();
        return img;
    }

    synchronized boolean delete(String id) {
        return images.remove(id) != null;
    }

    private static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
