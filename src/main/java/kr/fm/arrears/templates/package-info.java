/**
 * The FreeMarker templates of messages and notices, read from {@code templates/} when it exists (an
 * operator may adjust wording without a build), else from the copy in the jar.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package kr.fm.arrears.templates;
