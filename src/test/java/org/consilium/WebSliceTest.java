package org.consilium;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.expression.AbstractSecurityExpressionHandler;
import org.springframework.security.access.expression.SecurityExpressionHandler;
import org.springframework.security.access.expression.SecurityExpressionOperations;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.FilterInvocation;
import org.springframework.security.web.access.expression.WebSecurityExpressionRoot;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import org.consilium.opinion.OpinionManagement;
import org.consilium.review.ReviewManagement;
import org.consilium.review.web.CasePageStandIn;
import org.consilium.shared.ProgramSettings;

/**
 * One web slice ({@code @WebMvcTest}) for every controller slice test, so they share one cached context: the
 * controllers under test ({@link #CONTROLLERS}; the others are left out by name, since the controllers are
 * package-private to their modules), the facades they call as Mockito mocks (each test class autowires the ones it
 * stubs; they are reset after every test), and what the page templates need. A slice test of another controller adds
 * the controller to {@link #CONTROLLERS} and its facades to the mocks here instead of declaring a slice of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WebMvcTest(excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = WebSliceTest.OTHER_CONTROLLERS))
@Import({ org.consilium.shared.DateDisplay.class, WebSliceTest.SecurityExpressions.class, CasePageStandIn.class })
@EnableConfigurationProperties({ ProgramSettings.class, org.consilium.identity.SingleSignOnSettings.class })
@MockitoBean(types = { OpinionManagement.class, ReviewManagement.class, org.consilium.review.ClarifyingQuestions.class,
		org.consilium.review.PanelReview.class, org.consilium.review.ReportAssistance.class, org.consilium.intake.CaseAccess.class,
		org.consilium.intake.CaseQueries.class, org.consilium.identity.StepUp.class })
public @interface WebSliceTest {

	/** The controllers in the slice, as regular expression alternatives of their class names. */
	String CONTROLLERS = "opinion\\.web\\.OpinionController|review\\.web\\.ReviewController|review\\.api\\.ReviewApiController";

	/** Every controller of the application (they all end in {@code Controller}) except {@link #CONTROLLERS}. */
	String OTHER_CONTROLLERS = "org\\.consilium\\.(?!(" + CONTROLLERS + ")$).*Controller";

	/** The header's {@code sec:authorize} needs an expression handler; the slice has no security configuration. */
	@TestConfiguration(proxyBeanMethods = false)
	class SecurityExpressions {

		@Bean
		SecurityExpressionHandler<FilterInvocation> webSecurityExpressionHandler() {
			return new AbstractSecurityExpressionHandler<>() {
				@Override
				protected SecurityExpressionOperations createSecurityExpressionRoot(Authentication authentication, FilterInvocation invocation) {
					return new WebSecurityExpressionRoot(authentication, invocation);
				}
			};
		}
	}
}
