/** The payments module's implementation: entitlements and budgets, payment batches, bank files, finance pages. */
package org.chunfeng.payments.internal;
