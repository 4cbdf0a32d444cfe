package io.fleetgrid.auth.web;

import java.util.List;

/**
 * One page of a list.
 *
 * @param <T> the item type
 * @param items the items of this page
 * @param page the page number, from 0
 * @param size the page size
 * @param total the number of items on all pages
 */
public record PageResponse<T>(List<T> items, int page, int size, long total) {

}
