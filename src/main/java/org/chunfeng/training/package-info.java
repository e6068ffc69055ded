/**
 * Training (职业技能培训): the catalogue of training projects, referrals of workers, enrolment and completion.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Training")
package org.chunfeng.training;
