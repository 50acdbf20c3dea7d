package dk.tilsyn.access.internal;

import de.siegmar.fastcsv.writer.CsvWriter;
import dk.tilsyn.organisation.Person;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The institution's persons written as a persons file in the documented format, so a run reads them the same way
 * the CLI does and keeps them, by hash, as part of its data basis.
 */
final class PersonsSnapshot {

    private PersonsSnapshot() {
    }

    static byte[] csv(List<Person> persons) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CsvWriter csv = CsvWriter.builder().fieldSeparator(';')
                .build(new OutputStreamWriter(bytes, StandardCharsets.UTF_8))) {
            csv.writeRecord("person_id", "name", "email", "username", "org_unit", "manager_id", "employment_end");
            for (Person p : persons) {
                csv.writeRecord(p.personKey(), text(p.name()), text(p.email()), text(p.username()), text(p.orgUnitName()),
                        text(p.managerKey()), p.employmentEnd() == null ? "" : p.employmentEnd().toString());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
