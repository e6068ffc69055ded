/**
 * Identity and access: accounts and roles, sign-in (form, bearer tokens, mobile number with SMS verification
 * codes), the region scope every connection is set to (row-level security), agency data categories, the
 * append-only audit log, and personal-data protection (个人信息保护): {@link org.chunfeng.identity.PersonalData}
 * seals personal numbers (公民身份号码, 手机号码, 银行账号) with AES-256-GCM and computes the blind indexes that make
 * them searchable and unique without storing them in clear.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity and access")
package org.chunfeng.identity;
