package dk.tilsyn;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

@SpringBootApplication
@org.springframework.scheduling.annotation.EnableScheduling
@ConfigurationPropertiesScan
@Modulithic(sharedModules = "platform")
public class TilsynApplication {

    public static void main(String[] args) {
        // Structured (JSON) console logs are opt-in through one variable, so operators need not know Spring's property.
        if ("true".equalsIgnoreCase(System.getenv("TILSYN_LOG_JSON"))) {
            System.setProperty("logging.structured.format.console", "ecs");
        }
        SpringApplication.run(TilsynApplication.class, args);
    }
}
