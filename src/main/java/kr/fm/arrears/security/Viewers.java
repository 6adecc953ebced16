package kr.fm.arrears.security;

import java.util.List;
import kr.fm.arrears.shared.Viewer;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The edge where a signed-in person becomes a {@link Viewer}: a controller method that takes a
 * {@code Viewer} parameter gets the caller, so the domain modules never read the security context.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class Viewers implements WebMvcConfigurer {

    /** The caller of this request; outside a request (scheduled work) nobody is signed in: SYSTEM. */
    static Viewer current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof SignedIn user ? user.viewer() : Viewer.SYSTEM;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == Viewer.class;
            }

            @Override
            public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                    WebDataBinderFactory binders) {
                return current();
            }
        });
    }
}
