package dk.tilsyn.engine.pipeline;

import dk.tilsyn.engine.correlation.ManualMapping;
import dk.tilsyn.engine.extracts.ChangeLog;
import dk.tilsyn.engine.extracts.Extract;
import dk.tilsyn.engine.extracts.ParameterFile;
import dk.tilsyn.engine.persons.PersonsFile;
import dk.tilsyn.engine.report.InputFile;
import dk.tilsyn.engine.rules.RuleSet;

import java.util.List;

/** Every input read and checked, before any analysis runs. */
public record LoadedInputs(RuleSet rules, PersonsFile persons, List<Extract> extracts, List<ChangeLog> changeLogs,
                    List<ParameterFile> parameters, ManualMapping mapping, List<InputFile> files) {
}
