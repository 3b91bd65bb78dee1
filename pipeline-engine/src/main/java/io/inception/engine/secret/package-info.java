/**
 * Keeping secrets out of logs, reports and messages. {@link io.inception.engine.secret.UrlRedaction} is the
 * one implementation of URL credential masking; it depends on no other package of the engine, so that
 * {@code config}, {@code pipeline}, {@code scheduler}, {@code unittest} (and later {@code merge}) can all use it.
 */
package io.inception.engine.secret;
