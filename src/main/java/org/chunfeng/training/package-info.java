/**
 * Vocational training (职业技能培训): the catalogue of training projects the bureau runs with providers (occupation,
 * skills taught, dates, places, online or offline, whether the vocational training subsidy pays for it), referrals
 * of workers to them, enrolment within the places (the database never lets enrolments exceed them), and completion,
 * which the subsidies module pays on ({@link org.chunfeng.training.TrainingCompleted}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Training")
package org.chunfeng.training;
