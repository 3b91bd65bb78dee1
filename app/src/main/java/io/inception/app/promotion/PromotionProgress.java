package io.inception.app.promotion;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The step lines of the latest promotions carried out by this process, for the promotion page and
 * {@code inception promote}'s progress (the store keeps only the latest line, as the promotion's message).
 */
final class PromotionProgress {
    private static final int PROMOTIONS = 50;
    private static final int LINES = 1000;

    private final Map<String, List<String>> lines = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<String>> eldest) {
            return size() > PROMOTIONS;
        }
    };

    synchronized void add(String promotionId, String line) {
        List<String> of = lines.computeIfAbsent(promotionId, id -> new ArrayList<>());
        if (of.size() < LINES) of.add(line);
    }

    synchronized List<String> of(String promotionId) {
        return List.copyOf(lines.getOrDefault(promotionId, List.of()));
    }
}
