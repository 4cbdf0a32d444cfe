package io.fleetgrid.testkit;

import java.io.IOException;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Starts the servers of {@link RealInfra} before the test class runs. It acts both before
 * the test instance is constructed and before all tests, so that the servers are up and
 * published before Spring's extension loads a context, whatever the test instance
 * lifecycle.
 */
public class RealInfraExtension implements BeforeAllCallback, TestInstancePreConstructCallback {

	@Override
	public void beforeAll(ExtensionContext context) throws IOException {
		start(context);
	}

	@Override
	public void preConstructTestInstance(TestInstanceFactoryContext factoryContext, ExtensionContext context)
			throws IOException {
		start(context);
	}

	private static void start(ExtensionContext context) throws IOException {
		Class<?> testClass = context.getRequiredTestClass();
		RealInfra realInfra = AnnotationSupport.findAnnotation(testClass, RealInfra.class)
			.orElseThrow(() -> new ExtensionConfigurationException(
					testClass.getName() + " uses RealInfraExtension without @RealInfra"));
		for (Server server : realInfra.servers()) {
			Infra.start(server, realInfra.database());
		}
	}

}
