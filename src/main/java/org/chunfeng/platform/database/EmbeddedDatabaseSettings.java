package org.chunfeng.platform.database;

import java.nio.file.Path;

/**
 * How the embedded PostgreSQL runs.
 *
 * @param dataDir        the PostgreSQL data directory (kept across restarts unless {@code throwaway})
 * @param port           TCP port on 127.0.0.1, or 0 for any free port
 * @param database       the application database, created if missing
 * @param maxConnections PostgreSQL {@code max_connections}
 * @param sharedBuffers  PostgreSQL {@code shared_buffers}, e.g. "256MB"
 * @param throwaway      a test server: durability off, data deleted when it stops
 */
public record EmbeddedDatabaseSettings(Path dataDir, int port, String database, int maxConnections,
		String sharedBuffers, boolean throwaway) {
}
