package io.inception.xen.lab;

import java.util.List;
import java.util.Optional;

/** Where labs are kept. Today one JSON file per lab ({@link JsonFileLabStore}); the DB later. */
public interface LabStore {
    void save(Lab lab);

    Optional<Lab> find(String id);

    List<Lab> all();
}
