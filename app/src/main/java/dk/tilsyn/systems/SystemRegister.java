package dk.tilsyn.systems;

import java.util.List;
import java.util.Optional;

/** Read access to the current institution's systems, for other features. */
public interface SystemRegister {

    List<ItSystem> systems();

    Optional<ItSystem> findByKey(String key);

    Optional<ItSystem> findById(long id);
}
