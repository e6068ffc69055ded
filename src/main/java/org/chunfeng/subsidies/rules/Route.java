package org.chunfeng.subsidies.rules;

/**
 * How a case reaches a program: found by the bureau comparing data in the background and paid without an application
 * (免申即享), or applied for by the beneficiary (or a caseworker on its behalf).
 */
public enum Route {
	AUTOMATIC, APPLICATION
}
