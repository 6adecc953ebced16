/**
 * Who may sign in and what they may do: accounts ({@link kr.fm.arrears.security.Users}), the three
 * filter chains, sign-in waits after wrong passwords, integration tokens, and the edge where a
 * signed-in person becomes the domain's {@link kr.fm.arrears.shared.Viewer}. An edge: it uses the
 * domain (a LANDLORD account names a ledger landlord), the domain never uses it; what it did reaches
 * the audit log as its events.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "ledger"})
package kr.fm.arrears.security;
