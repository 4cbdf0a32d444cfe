package io.fleetgrid.localstack.search;

import java.util.Collection;

import org.opensearch.env.Environment;
import org.opensearch.node.Node;
import org.opensearch.plugins.Plugin;

/**
 * An OpenSearch {@link Node} whose plugins are classes on the classpath rather than
 * bundles installed under {@code plugins/}, the way OpenSearch's own test framework
 * embeds nodes.
 */
final class EmbeddedSearchNode extends Node {

	EmbeddedSearchNode(Environment environment, Collection<Class<? extends Plugin>> classpathPlugins) {
		super(environment, classpathPlugins, true);
	}

}
