package io.fleetgrid.notification.delivery;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.fleetgrid.contracts.event.NotificationOutcome.Channel;

/**
 * Sends deliveries of one channel.
 */
public interface ChannelSender {

	/**
	 * The channel this sender serves.
	 * @return the channel
	 */
	Channel channel();

	/**
	 * Sends one delivery, or one digest of several (same recipient and channel).
	 * @param deliveries one delivery, or the rows of one digest
	 * @return the result
	 */
	Result send(List<Delivery> deliveries);

	/**
	 * Result of a send.
	 *
	 * @param sent whether it was delivered
	 * @param permanent for a failure: whether retrying is pointless
	 * @param detail error or note, or null
	 */
	record Result(boolean sent, boolean permanent, @Nullable String detail) {

		/**
		 * Delivered.
		 * @return the result
		 */
		public static Result ok() {
			return new Result(true, false, null);
		}

		/**
		 * A failure worth retrying.
		 * @param detail error
		 * @return the result
		 */
		public static Result retry(String detail) {
			return new Result(false, false, detail);
		}

		/**
		 * A failure not worth retrying.
		 * @param detail error
		 * @return the result
		 */
		public static Result fail(String detail) {
			return new Result(false, true, detail);
		}

	}

}
