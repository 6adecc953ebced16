/**
 * The shared kernel: value types every module speaks ({@link kr.fm.arrears.shared.Won},
 * {@link kr.fm.arrears.shared.BusinessTime}, {@link kr.fm.arrears.shared.PhoneNumber},
 * {@link kr.fm.arrears.shared.BusinessNumber}, {@link kr.fm.arrears.shared.Viewer}, their bean-validation
 * constraints in {@code validation}) and the problem exceptions the edge turns into RFC 7807 answers.
 * Open: every type here is for every module, and it depends on none of them.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN,
        allowedDependencies = {})
package kr.fm.arrears.shared;
