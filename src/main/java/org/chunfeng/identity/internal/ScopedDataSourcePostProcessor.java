package org.chunfeng.identity.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.chunfeng.identity.RegionScope;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

/**
 * Wraps the application's DataSource so that every connection it hands out is first set to the current
 * {@link RegionScope}; row-level security in PostgreSQL does the rest. One place, so no query can forget it.
 */
@Component
class ScopedDataSourcePostProcessor implements BeanPostProcessor {

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource dataSource && "dataSource".equals(beanName)
				&& !(bean instanceof ScopedDataSource)) {
			return new ScopedDataSource(dataSource);
		}
		return bean;
	}

	static final class ScopedDataSource extends DelegatingDataSource {

		/**
		 * Finding the signed-in user may itself read the database (the session lives in PostgreSQL); such nested
		 * connections only touch the session tables and get the scope that matches nothing.
		 */
		private static final ThreadLocal<Boolean> RESOLVING = new ThreadLocal<>();

		ScopedDataSource(DataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws SQLException {
			return scoped(super.getConnection());
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return scoped(super.getConnection(username, password));
		}

		private static Connection scoped(Connection connection) throws SQLException {
			// the actor's name lets the database itself record who changed what (e.g. festival-plan history)
			try (PreparedStatement statement = connection.prepareStatement(
					"select set_config('chunfeng.scope', ?, false), set_config('chunfeng.actor', ?, false)")) {
				String[] scope = currentScope();
				statement.setString(1, scope[0]);
				statement.setString(2, scope[1]);
				statement.execute();
				return connection;
			}
			catch (SQLException | RuntimeException ex) {
				connection.close();
				throw ex;
			}
		}

		/** The region prefix and the actor's username ("" for none). */
		private static String[] currentScope() {
			if (RESOLVING.get() != null) {
				return new String[] { RegionScope.NOTHING, "" };
			}
			RESOLVING.set(Boolean.TRUE);
			try {
				return new String[] { RegionScope.currentPrefix(),
						RegionScope.currentActor().map(actor -> actor.username()).orElse("") };
			}
			finally {
				RESOLVING.remove();
			}
		}
	}
}
