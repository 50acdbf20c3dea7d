package dk.tilsyn.bench.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Random persons of the persons file whose person page lists at least one account in the latest run. */
public final class PersonSample {

    /** The accounts table's caption: present only when the person has accounts. */
    private static final String HAS_ACCOUNTS = "<caption class=\"visually-hidden\">Konti</caption>";
    private static final int PARALLEL = 4;

    private PersonSample() {
    }

    public static List<String> withAccounts(Path personsCsv, int candidates, long seed, BrowserSession browser)
            throws IOException, InterruptedException {
        List<String> keys = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(personsCsv, StandardCharsets.UTF_8)) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                int end = line.indexOf(';');
                if (end > 0) {
                    keys.add(line.substring(0, end));
                }
            }
        }
        Collections.shuffle(keys, new Random(seed));
        List<String> chosen = keys.subList(0, Math.min(candidates, keys.size()));
        ConcurrentLinkedQueue<String> withAccounts = new ConcurrentLinkedQueue<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(PARALLEL)) {
            for (String key : chosen) {
                pool.submit(() -> {
                    var page = browser.get("/personadgang/" + key);
                    if (page.statusCode() == 200 && page.body().contains(HAS_ACCOUNTS)) {
                        withAccounts.add(key);
                    }
                });
            }
        }
        List<String> result = new ArrayList<>(withAccounts);
        Collections.sort(result);
        return result;
    }
}
