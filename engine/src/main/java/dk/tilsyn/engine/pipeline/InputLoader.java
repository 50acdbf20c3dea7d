package dk.tilsyn.engine.pipeline;

import dk.tilsyn.engine.correlation.ManualMapping;
import dk.tilsyn.engine.correlation.MappingReader;
import dk.tilsyn.engine.extracts.ChangeLog;
import dk.tilsyn.engine.extracts.ChangeLogReader;
import dk.tilsyn.engine.extracts.Extract;
import dk.tilsyn.engine.extracts.ExtractReader;
import dk.tilsyn.engine.extracts.ParameterFile;
import dk.tilsyn.engine.extracts.ParameterReader;
import dk.tilsyn.engine.io.FileFacts;
import dk.tilsyn.engine.io.ParallelReads;
import dk.tilsyn.engine.io.TabularSource;
import dk.tilsyn.engine.persons.PersonsFile;
import dk.tilsyn.engine.persons.PersonsReader;
import dk.tilsyn.engine.profiles.ImportProfile;
import dk.tilsyn.engine.profiles.ProfileLoader;
import dk.tilsyn.engine.report.InputFile;
import dk.tilsyn.engine.rules.RuleSet;
import dk.tilsyn.engine.rules.RuleSetLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/**
 * Reads and checks every input of a request. Each reader is all-or-nothing and throws with every problem of its
 * file; nothing is analysed until all inputs are valid.
 */
final class InputLoader {

    private final ExtractReader extractReader = new ExtractReader();
    private final ChangeLogReader changeLogReader = new ChangeLogReader();
    private final ProfileLoader profileLoader = new ProfileLoader();

    LoadedInputs load(AnalysisRequest request) {
        List<InputFile> files = new ArrayList<>();
        RuleSet rules = request.rules() == null ? RuleSetLoader.loadDefault() : RuleSetLoader.bundled().load(request.rules());
        if (request.rules() != null) {
            files.add(fingerprint("rules", null, request.rules()));
        }
        // The persons file and the extracts are read on every core together (the persons file is about the size of
        // one extract); results, and the first failure, come in request order: persons, then extracts.
        List<Supplier<Object>> reads = new ArrayList<>(request.extracts().size() + 1);
        reads.add(() -> new PersonsReader().read(source(request, request.persons())));
        request.extracts().forEach(input -> reads.add(() -> readExtract(input, request)));
        List<Object> read = ParallelReads.map(reads, Supplier::get);
        PersonsFile persons = (PersonsFile) read.getFirst();
        files.add(InputFile.of("persons", null, persons.facts()));
        List<Extract> extracts = read.subList(1, read.size()).stream().map(Extract.class::cast).toList();
        for (int i = 0; i < extracts.size(); i++) {
            files.add(InputFile.of("extract", request.extracts().get(i).system(), extracts.get(i).facts()));
        }
        List<ChangeLog> changeLogs = ParallelReads.map(request.changeLogs(),
                input -> changeLogReader.read(source(request, input.file()), input.system()));
        for (int i = 0; i < changeLogs.size(); i++) {
            files.add(InputFile.of("changelog", request.changeLogs().get(i).system(), changeLogs.get(i).facts()));
        }
        List<ParameterFile> parameters = new ArrayList<>();
        for (SystemFile input : request.parameters()) {
            ParameterFile file = new ParameterReader().read(source(request, input.file()), input.system());
            parameters.add(file);
            files.add(InputFile.of("parameters", input.system(), file.facts()));
        }
        ManualMapping mapping = ManualMapping.NONE;
        if (request.mapping() != null) {
            mapping = new MappingReader().read(source(request, request.mapping()));
            files.add(InputFile.of("mapping", null, mapping.facts()));
        }
        return new LoadedInputs(rules, persons, extracts, changeLogs, parameters, mapping, files);
    }

    Extract readExtract(SystemFile input, AnalysisRequest request) {
        return readExtract(input, request.profiles().get(input.system()), request);
    }

    /** Reads an extract with the given profile (null: the canonical columns). */
    Extract readExtract(SystemFile input, String profile, AnalysisRequest request) {
        if (profile == null) {
            return extractReader.read(source(request, input.file()), input.system());
        }
        ImportProfile loaded = ProfileLoader.SHIPPED.contains(profile)
                ? profileLoader.shipped(profile)
                : profileLoader.load(Path.of(profile));
        return loaded.readExtract(extractReader, source(request, input.file()), input.system());
    }

    /**
     * Files are named by the path as given, not the bare file name: a system's extract and its change log are
     * often both called after the system, and evidence must say which file a line is in.
     */
    private static TabularSource source(AnalysisRequest request, Path file) {
        return TabularSource.of(file, request.nameOf(file));
    }

    /** A file that is not tabular (the rule set) still belongs to the data basis with its hash. */
    private static InputFile fingerprint(String role, String system, Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            FileFacts facts = new FileFacts(file.toString(), sha, bytes.length, 0);
            return InputFile.of(role, system, facts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
