/**
 * Choice and lifecycle of the database: an external PostgreSQL from {@code CHUNFENG_DB_URL}, or the embedded
 * PostgreSQL 17 kept under {@code ./data}.
 */
@org.springframework.modulith.NamedInterface("database")
package org.chunfeng.platform.database;
