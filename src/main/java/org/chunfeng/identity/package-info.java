/**
 * Identity and access. For now: personal-data protection (个人信息保护), which every module that stores a person
 * uses: {@link org.chunfeng.identity.PersonalData} seals personal numbers (公民身份号码, 手机号码) with AES-256-GCM
 * and computes the blind indexes that make them searchable and unique without storing them in clear.
 * Accounts, roles, region scope and the audit log come later.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity and access")
package org.chunfeng.identity;
