package dk.tilsyn.engine.correlation;

/** How an account was tied to a person, in the order the correlation tries them. */
public enum MatchMethod {
    PERSON_ID, USERNAME, EMAIL, MAPPING, NONE
}
