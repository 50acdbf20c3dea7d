package dk.tilsyn.testsupport;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Runs database tests on H2 always, and on PostgreSQL only where 127.0.0.1:5432 answers (or fails under CI). */
public class DatabaseAvailableCondition implements ExecutionCondition {

    private static final int CONNECT_TIMEOUT_MILLIS = 2_000;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!TestDatabase.isPostgres()) {
            return ConditionEvaluationResult.enabled("database: " + TestDatabase.kind());
        }
        return RequiredResource.evaluate("PostgreSQL at " + TestDatabase.POSTGRES_HOST + ":" + TestDatabase.POSTGRES_PORT,
                reachable(TestDatabase.POSTGRES_HOST, TestDatabase.POSTGRES_PORT), RequiredResource.ci());
    }

    static boolean reachable(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
