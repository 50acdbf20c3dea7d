package dk.tilsyn.platform.web;

import org.springframework.util.unit.DataSize;

/**
 * A feature's own upload limit for the paths it receives files on (e.g. the large access extracts); uploads to any
 * other path are held to {@code tilsyn.import.max-file-size}. Contributed as beans; the first matching one applies.
 *
 * @param pathPattern a Spring {@link org.springframework.web.util.pattern.PathPattern}, e.g. {@code /systemer/*}{@code /udtraek/**}
 * @param maxSize     the largest request body accepted there
 */
public record UploadLimit(String pathPattern, DataSize maxSize) {
}
