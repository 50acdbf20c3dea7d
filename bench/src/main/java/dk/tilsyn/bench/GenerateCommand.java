package dk.tilsyn.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code generate --size large --seed 42 --out bench/target/large}: writes a synthetic data set. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Writes a deterministic synthetic data set (persons, extracts, change logs) for benchmarks.")
public final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--size", defaultValue = "small", description = "small or large (default: ${DEFAULT-VALUE})")
    String size;

    @Option(names = "--seed", defaultValue = "20261122", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", required = true, description = "folder to write into")
    Path out;

    @Override
    public Integer call() throws Exception {
        SyntheticSize chosen = "large".equals(size) ? SyntheticSize.LARGE : SyntheticSize.SMALL;
        long start = System.nanoTime();
        GeneratedSet set = new SyntheticDataGenerator(chosen, seed).writeTo(out);
        System.out.printf("Wrote %d persons, %d accounts, %d assignment rows in %d systems to %s (%.1f s)%n",
                set.personCount(), set.accountCount(), set.assignmentRows(), set.extracts().size(), out,
                (System.nanoTime() - start) / 1e9);
        return 0;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new GenerateCommand()).execute(args));
    }
}
