package io.fleetgrid.stream.topology;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TrailingStatesTests {

	@Test
	void takesOnlyTheDevicesHeldBackLongEnoughOldestFirst() {
		TrailingStates trailing = new TrailingStates();
		trailing.held("a", 1_000);
		trailing.held("b", 2_000);
		trailing.held("c", 3_000);
		List<String> taken = new ArrayList<>();
		trailing.takeHeldSince(2_000, taken::add);
		assertThat(taken).containsExactly("a", "b");
		assertThat(trailing.size()).isOne();
		trailing.takeHeldSince(2_999, taken::add);
		assertThat(taken).as("c was held back after 2,999").containsExactly("a", "b");
	}

	@Test
	void aDeviceHeldBackAgainMovesToTheEndWithItsNewTime() {
		TrailingStates trailing = new TrailingStates();
		trailing.held("a", 1_000);
		trailing.held("b", 2_000);
		trailing.held("a", 3_000);
		List<String> taken = new ArrayList<>();
		trailing.takeHeldSince(2_500, taken::add);
		assertThat(taken).containsExactly("b");
		trailing.takeHeldSince(3_000, taken::add);
		assertThat(taken).containsExactly("b", "a");
	}

	@Test
	void aPublishedDeviceIsNotTaken() {
		TrailingStates trailing = new TrailingStates();
		trailing.held("a", 1_000);
		trailing.held("b", 1_000);
		trailing.published("a");
		trailing.published("unknown");
		List<String> taken = new ArrayList<>();
		trailing.takeHeldSince(5_000, taken::add);
		assertThat(taken).containsExactly("b");
		assertThat(trailing.size()).isZero();
	}

	@Test
	void aTrailingPublicationIsRememberedUntilTheNextEventOrForAnInterval() {
		TrailingStates trailing = new TrailingStates();
		trailing.trailingPublished("a", 1_000);
		trailing.trailingPublished("b", 2_000);
		trailing.trailingPublished("c", 3_000);
		assertThat(trailing.trailingPublishedAt("a")).isEqualTo(1_000);
		assertThat(trailing.trailingPublishedAt("unknown")).isEqualTo(Long.MIN_VALUE);
		trailing.held("b", 3_500);
		trailing.published("c");
		assertThat(trailing.trailingPublishedAt("b")).as("an event of b came since").isEqualTo(Long.MIN_VALUE);
		assertThat(trailing.trailingPublishedAt("c")).isEqualTo(Long.MIN_VALUE);
		trailing.takeHeldSince(1_000, (device) -> {
		});
		assertThat(trailing.trailingPublishedAt("a")).as("an interval old: the throttle lets the next state out anyway")
			.isEqualTo(Long.MIN_VALUE);
		assertThat(trailing.trailingPublications()).isZero();
	}

	@Test
	void bothProcessorsOfATaskShareOneTrackerUntilTheTaskCloses() {
		TrailingStates.PerTask tasks = new TrailingStates.PerTask();
		TaskId task = new TaskId(0, 3);
		TrailingStates first = tasks.of(task);
		assertThat(tasks.of(task)).isSameAs(first);
		assertThat(tasks.of(new TaskId(0, 4))).isNotSameAs(first);
		tasks.closed(task, first);
		TrailingStates reopened = tasks.of(task);
		assertThat(reopened).isNotSameAs(first);
		tasks.closed(task, first);
		assertThat(tasks.of(task)).as("a late close of the old task leaves the new tracker").isSameAs(reopened);
	}

}
