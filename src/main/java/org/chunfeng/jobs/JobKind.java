package org.chunfeng.jobs;

/** What kind of job a posting offers. */
public enum JobKind {

	/** 常规岗位 */
	REGULAR,
	/** 季节性岗位 */
	SEASONAL,
	/** 临时公益性岗位: 消杀 */
	PUBLIC_DISINFECTION,
	/** 临时公益性岗位: 防疫 */
	PUBLIC_EPIDEMIC_PREVENTION,
	/** 临时公益性岗位: 社区服务 */
	PUBLIC_COMMUNITY_SERVICE,
	/** 共享用工需求: another enterprise's surplus workers wanted for a while */
	EMPLOYEE_SHARING;

	/** 临时公益性岗位 */
	public boolean temporaryPublicPost() {
		return name().startsWith("PUBLIC_");
	}
}
