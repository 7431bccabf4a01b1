/** Shapes of the device icons (24 x 24 view box), shared by the controls and the tiles. */
export interface DeviceIcon {
  /** The device itself, filled. */
  shape: string;
  /** The stroke drawn across it when it is off. */
  slash: string;
}

export const MICROPHONE_ICON: DeviceIcon = {
  shape: 'M12 14a3 3 0 0 0 3-3V5a3 3 0 1 0-6 0v6a3 3 0 0 0 3 3Zm5-3a5 5 0 0 1-10 0H5a7 7 0 0 0 6 6.92V21h2v-3.08A7 7 0 0 0 19 11h-2Z',
  slash: 'M4 3 20 21',
};

export const CAMERA_ICON: DeviceIcon = {
  shape: 'M4 6h11a2 2 0 0 1 2 2v1.5l4-2.5v10l-4-2.5V16a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V8a2 2 0 0 1 2-2Z',
  slash: 'M3 3 21 21',
};
