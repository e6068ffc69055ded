/**
 * The 131 tracker (131服务台账): which key-group workers have had guidance, 3 job leads and a training referral,
 * aggregated per region in PostgreSQL; the list of who still lacks what with its Excel export; and the training
 * referrals heard from the training module.
 */
package org.chunfeng.matching.internal.tracker;
