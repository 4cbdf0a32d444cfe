package io.fleetgrid.localstack.process;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The process package is loaded where local-stack's dependencies are absent (test JVMs,
 * the launcher), so its compiled classes may refer only to the JDK and to the package
 * itself. The check reads the constant pool of every class file, which names every class
 * the bytecode uses, including fully qualified references that no import shows.
 */
class ProcessPackageDependenciesTests {

	private static final String PACKAGE = ChildJvm.class.getPackageName().replace('.', '/') + "/";

	private static final Pattern TYPE_IN_DESCRIPTOR = Pattern.compile("L([A-Za-z_$][\\w$]*(?:/[\\w$]+)+)[;<]");

	@Test
	void processPackageUsesOnlyTheJdkAndItself() throws IOException {
		Path packageDir = classesDir(ChildJvm.class).resolve(PACKAGE);
		List<Path> classFiles;
		try (Stream<Path> files = Files.list(packageDir)) {
			classFiles = files.filter((file) -> file.toString().endsWith(".class")).toList();
		}
		assertThat(classFiles).hasSizeGreaterThanOrEqualTo(6);

		List<String> violations = new ArrayList<>();
		for (Path classFile : classFiles) {
			referencedClasses(classFile).stream()
				.filter((name) -> !isAllowed(name))
				.forEach((name) -> violations.add(classFile.getFileName() + " -> " + name));
		}

		assertThat(violations).as("classes outside java.*, javax.* and the package itself").isEmpty();
	}

	@Test
	void checkFindsReferencesOutsideTheJdk() throws IOException {
		Path thisClass = classesDir(getClass()).resolve(getClass().getName().replace('.', '/') + ".class");

		assertThat(referencedClasses(thisClass)).contains("org/junit/jupiter/api/Test",
				"org/assertj/core/api/Assertions");
		assertThat(referencedClasses(thisClass)).filteredOn((name) -> !isAllowed(name)).isNotEmpty();
	}

	private static boolean isAllowed(String internalName) {
		return internalName.startsWith("java/") || internalName.startsWith("javax/")
				|| (internalName.startsWith(PACKAGE) && internalName.indexOf('/', PACKAGE.length()) < 0);
	}

	/**
	 * Names of the classes a class file refers to: its constant pool's class entries and
	 * the types in its descriptors and signatures.
	 */
	private static Set<String> referencedClasses(Path classFile) throws IOException {
		Set<String> names = new TreeSet<>();
		try (InputStream in = Files.newInputStream(classFile); DataInputStream data = new DataInputStream(in)) {
			if (data.readInt() != 0xCAFEBABE) {
				throw new IOException("not a class file: " + classFile);
			}
			data.readUnsignedShort();
			data.readUnsignedShort();
			int count = data.readUnsignedShort();
			String[] utf8 = new String[count];
			List<Integer> classEntries = new ArrayList<>();
			int index = 1;
			while (index < count) {
				int tag = data.readUnsignedByte();
				switch (tag) {
					case 1 -> utf8[index] = data.readUTF();
					case 7 -> classEntries.add(data.readUnsignedShort());
					case 8, 16, 19, 20 -> data.readUnsignedShort();
					case 3, 4, 9, 10, 11, 12, 17, 18 -> data.readInt();
					case 5, 6 -> {
						// Long and Double take two slots.
						data.readLong();
						index++;
					}
					case 15 -> {
						data.readUnsignedByte();
						data.readUnsignedShort();
					}
					default -> throw new IOException("unknown constant pool tag " + tag + " in " + classFile);
				}
				index++;
			}
			for (int nameIndex : classEntries) {
				String name = utf8[nameIndex];
				if (name.startsWith("[")) {
					addTypes(name, names);
				}
				else {
					names.add(name);
				}
			}
			for (String value : utf8) {
				if (value != null) {
					addTypes(value, names);
				}
			}
		}
		return names;
	}

	private static void addTypes(String descriptor, Set<String> names) {
		Matcher matcher = TYPE_IN_DESCRIPTOR.matcher(descriptor);
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
	}

	private static Path classesDir(Class<?> type) {
		try {
			return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
