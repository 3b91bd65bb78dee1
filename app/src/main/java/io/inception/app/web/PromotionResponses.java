package io.inception.app.web;

import io.inception.app.promotion.PromotionOutcome;

import java.util.LinkedHashMap;
import java.util.Map;

/** How a {@link PromotionOutcome} reads over HTTP. */
final class PromotionResponses {
    private PromotionResponses() {
    }

    static int status(PromotionOutcome o) {
        if (o instanceof PromotionOutcome.Promoted) return 200;
        if (o instanceof PromotionOutcome.Requested || o instanceof PromotionOutcome.Started) return 202;
        if (o instanceof PromotionOutcome.Denied) return 403;
        if (o instanceof PromotionOutcome.Refused) return 409;
        return 502; // the deploy behind the promotion failed
    }

    static Map<String, Object> body(PromotionOutcome o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("outcome", o.getClass().getSimpleName().toLowerCase());
        m.put("message", o.message());
        if (o instanceof PromotionOutcome.Promoted p) m.put("promotion", p.promotion());
        if (o instanceof PromotionOutcome.Requested r) m.put("promotion", r.promotion());
        if (o instanceof PromotionOutcome.Failed f) m.put("promotion", f.promotion());
        if (o instanceof PromotionOutcome.Started st) m.put("promotion", st.promotion());
        return m;
    }
}
