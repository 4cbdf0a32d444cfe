package io.fleetgrid.device.web;

import java.util.List;

/**
 * One page of a list answer.
 *
 * @param <T> the item type
 * @param items the items of this page
 * @param page the page number, from 0
 * @param size the page size asked for
 * @param total the number of items on all pages
 */
public record Page<T>(List<T> items, int page, int size, long total) {

	/** Largest page size. */
	public static final int MAX_SIZE = 500;

	/**
	 * Validates paging parameters.
	 * @param page the page number
	 * @param size the page size
	 */
	public static void validate(int page, int size) {
		Validator validator = new Validator();
		validator.check(page >= 0, "page", "must be >= 0");
		validator.check(size >= 1 && size <= MAX_SIZE, "size", "must be within [1, " + MAX_SIZE + "]");
		validator.throwIfInvalid();
	}

}
