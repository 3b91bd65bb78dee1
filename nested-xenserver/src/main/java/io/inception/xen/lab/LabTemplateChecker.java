package io.inception.xen.lab;

import io.inception.engine.config.ConfigError;
import io.inception.engine.pipeline.ConfigFileChecker;

import java.util.List;

/** Lets {@code inception validate} check lab templates ({@code labs/*.yaml}) like every other file. */
public final class LabTemplateChecker implements ConfigFileChecker {
    @Override
    public String folder() {
        return "labs";
    }

    @Override
    public List<ConfigError> check(String text, String label) {
        return LabTemplateLoader.parse(text, label).errors();
    }
}
