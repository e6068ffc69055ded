/** The training module's repository, pages and API controllers. */
package org.chunfeng.training.internal;
