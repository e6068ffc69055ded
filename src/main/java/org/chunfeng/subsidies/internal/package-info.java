/** The subsidies module's repository, the templates' loader, pages and API controllers. */
package org.chunfeng.subsidies.internal;
