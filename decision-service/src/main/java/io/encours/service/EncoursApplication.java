package io.encours.service;

import io.encours.service.migration.MigrationCommand;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** The Encours decision service: credit decisions over HTTP, each one recorded in the audit trail. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class EncoursApplication {

    public static void main(String[] args) {
        if (MigrationCommand.requested(args)) {
            // A mode of the same jar: copy the embedded store to MongoDB, then exit (docs/operations.md).
            System.exit(MigrationCommand.run(args, System.out));
        }
        SpringApplication.run(EncoursApplication.class, args);
    }

    /** The wall clock, in one place so that time is explicit where it matters (arrival, ids, "today"). */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
