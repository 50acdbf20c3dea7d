package dk.tilsyn.organisation.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** A person's values as a file states them; compared field by field to tell created, changed and unchanged. */
record PersonValues(String personKey, String name, String email, String username, String orgUnit, String managerKey,
                    LocalDate employmentEnd) {

    Map<String, Object> asMap() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("person_id", personKey);
        values.put("name", name);
        values.put("email", email);
        values.put("username", username);
        values.put("org_unit", orgUnit);
        values.put("manager_id", managerKey);
        values.put("employment_end", employmentEnd == null ? null : employmentEnd.toString());
        return values;
    }

    boolean sameAs(PersonValues other) {
        return Objects.equals(asMap(), other.asMap());
    }
}
