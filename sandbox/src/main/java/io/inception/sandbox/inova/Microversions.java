package io.inception.sandbox.inova;

/**
 * Compute microversion negotiation as Nova does it: {@code OpenStack-API-Version: compute X.Y}
 * first, then the legacy {@code X-OpenStack-Nova-API-Version}; none means 2.1; {@code latest}
 * means the maximum; a malformed string is a 400, one outside the range a 406. Every answer
 * echoes the version it was made at.
 */
final class Microversions {
    private Microversions() {
    }

    static Microversion negotiate(Call call) {
        String requested = call.header("OpenStack-API-Version").flatMap(Microversions::computeItem)
                .or(() -> call.header("X-OpenStack-Nova-API-Version").map(String::trim))
                .orElse(null);
        if (requested == null) {
            return Microversion.MIN;
        }
        if (requested.equals("latest")) {
            return Microversion.MAX;
        }
        Microversion v = Microversion.parse(requested).orElseThrow(() -> ApiError.novaBadRequest(
                "API Version String " + requested + " is of invalid format. Must be of format MajorNum.MinorNum."));
        if (v.compareTo(Microversion.MIN) < 0 || v.compareTo(Microversion.MAX) > 0) {
            throw ApiError.nova(406, "Version " + requested + " is not supported by the API. Minimum is "
                    + Microversion.MIN + " and maximum is " + Microversion.MAX + ".");
        }
        return v;
    }

    /** The compute part of a header that may name several services: "compute 2.60, image 2.5". */
    private static java.util.Optional<String> computeItem(String header) {
        for (String item : header.split(",")) {
            String[] parts = item.trim().split("\\s+");
            if (parts.length == 2 && parts[0].equalsIgnoreCase("compute")) {
                return java.util.Optional.of(parts[1]);
            }
        }
        return java.util.Optional.empty();
    }

    static Reply echo(Reply r, Microversion v) {
        return r.withHeader("OpenStack-API-Version", "compute " + v)
                .withHeader("X-OpenStack-Nova-API-Version", v.toString())
                .withHeader("Vary", "OpenStack-API-Version, X-OpenStack-Nova-API-Version");
    }
}
