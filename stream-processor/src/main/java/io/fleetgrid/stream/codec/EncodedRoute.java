package io.fleetgrid.stream.codec;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.RandomAccess;

import io.fleetgrid.contracts.event.GeoPoint;

/**
 * The route of a trip in progress: points that only ever grow at the end, kept both as
 * objects and as the bytes {@link Compact#writeRoute} writes for them. The route is part
 * of a device's memory, which is written with every event of the device, while a point is
 * added only every twenty metres or so: the bytes of the points are encoded once, when a
 * point is added, instead of with every write (a long trip's route was most of the
 * serialization cost per event).
 * <p>
 * Points are rounded to the route's unit (10⁻⁷ degrees, {@link Compact#onRouteScale}) as
 * they are added. Only {@link #add(GeoPoint)} (or {@code add(size(), point)}) and
 * {@link #clear()} change a route; replace a simplified route with {@link #of}.
 */
public final class EncodedRoute extends AbstractList<GeoPoint> implements RandomAccess {

	private final List<GeoPoint> points;

	/** The differences between consecutive points, as zig-zag variable-length longs. */
	private byte[] deltas;

	private int length;

	private long lastLat;

	private long lastLon;

	/** An empty route. */
	public EncodedRoute() {
		this(16);
	}

	private EncodedRoute(int capacity) {
		this.points = new ArrayList<>(capacity);
		this.deltas = new byte[capacity * 4];
	}

	/**
	 * A route of the given points (rounded to 10⁻⁷ degrees).
	 * @param points the points
	 * @return the route
	 */
	public static EncodedRoute of(Collection<GeoPoint> points) {
		EncodedRoute route = new EncodedRoute(points.size() + 8);
		for (GeoPoint point : points) {
			route.add(point);
		}
		return route;
	}

	@Override
	public GeoPoint get(int index) {
		return this.points.get(index);
	}

	@Override
	public int size() {
		return this.points.size();
	}

	@Override
	public boolean add(GeoPoint point) {
		GeoPoint rounded = Compact.onRouteScale(point);
		long lat = Compact.routeUnits(rounded.lat());
		long lon = Compact.routeUnits(rounded.lon());
		append(lat - this.lastLat);
		append(lon - this.lastLon);
		this.lastLat = lat;
		this.lastLon = lon;
		this.points.add(rounded);
		this.modCount++;
		return true;
	}

	@Override
	public void add(int index, GeoPoint point) {
		if (index != size()) {
			throw new UnsupportedOperationException("a route only grows at its end");
		}
		add(point);
	}

	@Override
	public void clear() {
		this.points.clear();
		this.length = 0;
		this.lastLat = 0;
		this.lastLon = 0;
		this.modCount++;
	}

	/**
	 * Reads a route written by {@link Compact#writeRoute}, keeping its bytes as they are.
	 * @param in where from
	 * @param size the number of points (read before)
	 * @return the route
	 * @throws IOException from the stream
	 */
	static EncodedRoute read(DataInput in, int size) throws IOException {
		EncodedRoute route = new EncodedRoute(Math.min(size, 1024) + 8);
		long lat = 0;
		long lon = 0;
		for (int i = 0; i < size; i++) {
			long latDelta = Compact.readVarLong(in);
			long lonDelta = Compact.readVarLong(in);
			lat += latDelta;
			lon += lonDelta;
			route.append(latDelta);
			route.append(lonDelta);
			route.points.add(new GeoPoint(lat / Compact.POINT_SCALE, lon / Compact.POINT_SCALE));
		}
		route.lastLat = lat;
		route.lastLon = lon;
		return route;
	}

	/**
	 * Writes the route as {@link Compact#writeRoute} does, copying the bytes encoded when
	 * the points were added.
	 * @param out where to
	 * @throws IOException from the stream
	 */
	void writeTo(DataOutput out) throws IOException {
		Compact.writeSize(out, size());
		out.write(this.deltas, 0, this.length);
	}

	private void append(long value) {
		if (this.length + 10 > this.deltas.length) {
			this.deltas = Arrays.copyOf(this.deltas, Math.max(this.deltas.length * 2, 32));
		}
		this.length = Compact.putVarLong(this.deltas, this.length, value);
	}

}
