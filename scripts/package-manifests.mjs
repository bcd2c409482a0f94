// The manifests of the three packages, from the course config and the package's file list.
// One SCO / AU for the whole course: the course is one site with one progress record and one final
// assessment, and its lessons link to each other freely. Per-lesson SCOs would split that record
// across SCOs (each with its own suspend_data, unable to see the others) and let the LMS's
// navigation fight the course's own; the per-lesson detail the LMS needs still arrives, as
// interactions named "lesson/question" and as the progress measure.

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const fileList = (files, indent) => files.map((f) => `${indent}<file href="${esc(f)}"/>`).join('\n');

export const SCHEMA_FILES = {
  scorm12: ['imscp_rootv1p1p2.xsd', 'adlcp_rootv1p2.xsd', 'imsmd_rootv1p2p1.xsd', 'ims_xml.xsd'],
  scorm2004: [
    'imscp_v1p1.xsd', 'adlcp_v1p3.xsd', 'adlseq_v1p3.xsd', 'adlnav_v1p3.xsd', 'imsss_v1p0.xsd', 'imsss_v1p0auxresource.xsd',
    'imsss_v1p0control.xsd', 'imsss_v1p0delivery.xsd', 'imsss_v1p0limit.xsd', 'imsss_v1p0objective.xsd', 'imsss_v1p0random.xsd',
    'imsss_v1p0rollup.xsd', 'imsss_v1p0seqrule.xsd', 'imsss_v1p0util.xsd', 'xml.xsd', 'datatypes.dtd', 'XMLSchema.dtd',
  ],
};

export function scorm12Manifest(config, files) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${esc(config.id)}-scorm12" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="org-${esc(config.id)}">
    <organization identifier="org-${esc(config.id)}">
      <title>${esc(config.title)}</title>
      <item identifier="item-${esc(config.id)}" identifierref="sco-${esc(config.id)}" isvisible="true">
        <title>${esc(config.title)}</title>
        <adlcp:masteryscore>${Math.round(config.masteryScore * 100)}</adlcp:masteryscore>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="sco-${esc(config.id)}" type="webcontent" adlcp:scormtype="sco" href="lms.html">
${fileList(files, '      ')}
    </resource>
  </resources>
</manifest>
`;
}

export function scorm2004Manifest(config, files) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${esc(config.id)}-scorm2004" version="1"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>
  <organizations default="org-${esc(config.id)}">
    <organization identifier="org-${esc(config.id)}" adlseq:objectivesGlobalToSystem="false">
      <title>${esc(config.title)}</title>
      <item identifier="item-${esc(config.id)}" identifierref="sco-${esc(config.id)}">
        <title>${esc(config.title)}</title>
        <imsss:sequencing>
          <imsss:objectives>
            <imsss:primaryObjective objectiveID="${esc(config.id)}-mastery" satisfiedByMeasure="true">
              <imsss:minNormalizedMeasure>${config.masteryScore}</imsss:minNormalizedMeasure>
            </imsss:primaryObjective>
          </imsss:objectives>
          <imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>
        </imsss:sequencing>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="sco-${esc(config.id)}" type="webcontent" adlcp:scormType="sco" href="lms.html">
${fileList(files, '      ')}
    </resource>
  </resources>
</manifest>
`;
}

export function cmi5Course(config) {
  const lang = (text) => `<langstring lang="en-US">${esc(text)}</langstring>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="${esc(config.iri)}">
    <title>${lang(config.title)}</title>
    <description>${lang(config.description)}</description>
  </course>
  <au id="${esc(config.iri)}/au" moveOn="${esc(config.moveOn)}" masteryScore="${config.masteryScore}" launchMethod="AnyWindow">
    <title>${lang(config.title)}</title>
    <description>${lang(config.description)}</description>
    <url>lms.html</url>
  </au>
</courseStructure>
`;
}
