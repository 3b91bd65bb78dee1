package io.inception.smoke.suite;

import io.inception.smoke.openstack.Glance;
import io.qameta.allure.Allure;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Image API: images are listed and at least one can be booted. */
@Tag("smoke")
@Tag("image")
@ExtendWith(SmokeContext.class)
public class GlanceSmoke {
    @Test
    @DisplayName("Glance lists images and at least one is active")
    public void imagesAreListedAndOneIsActive(SmokeSession session) {
        List<Glance.Image> images = Allure.step("GET /v2/images", () -> new Glance(session.cloud()).images());
        Allure.addAttachment("images", String.join("\n", images.stream().map(Glance.Image::toString).toList()));
        assertTrue(images.stream().anyMatch(Glance.Image::active), "no active image among " + images.size() + " listed: " + images);
    }
}
