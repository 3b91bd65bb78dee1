package io.inception.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.inception.packaging.apt.AptSnapshot;
import io.inception.packaging.apt.PoolPackage;
import io.inception.packaging.apt.SuitePointer;
import io.inception.packaging.deb.BuiltPackage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON documents of the packaging commands (plain maps: stable field names, no Java types leak). */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> built(BuiltPackage p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("version", p.version());
        m.put("architecture", p.architecture());
        m.put("file", p.file().toString());
        m.put("size", p.size());
        m.put("sha256", p.sha256());
        return m;
    }

    static Map<String, Object> snapshot(AptSnapshot s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("build", s.buildId());
        m.put("distribution", s.distribution());
        m.put("sequence", s.sequence());
        m.put("published", s.publishedAt().toString());
        m.put("pointedBy", s.pointedBy());
        m.put("packages", s.packages().stream().map(Json::pool).toList());
        return m;
    }

    static Map<String, Object> pool(PoolPackage p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("version", p.version());
        m.put("architecture", p.architecture());
        m.put("filename", p.filename());
        m.put("size", p.size());
        m.put("sha256", p.sha256());
        return m;
    }

    static Map<String, Object> pointer(SuitePointer p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("suite", p.suite());
        m.put("build", p.buildId());
        m.put("previousBuild", p.previousBuildId());
        m.put("generation", p.generation());
        return m;
    }

    static Map<String, Object> error(String message, List<String> problems) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", message);
        m.put("problems", problems);
        return m;
    }
}
