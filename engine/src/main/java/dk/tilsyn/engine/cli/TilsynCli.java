package dk.tilsyn.engine.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code bin/tilsyn} command. The web app's {@code serve} is handled by the script itself. */
@Command(name = "tilsyn", mixinStandardHelpOptions = true, version = "Tilsyn 0.1",
        description = "Tilsyn – kontrol af adgangsrettigheder og funktionsadskillelse.",
        subcommands = {AnalyseCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Også:", "  bin/tilsyn serve   start webappen på http://localhost:8080 (se README.md)",
                "", "Udgangskoder: 0 analysen kørte (med eller uden fund), 2 ugyldigt input, 1 intern fejl."})
public final class TilsynCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new TilsynCli()).execute(args));
    }
}
